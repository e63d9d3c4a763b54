
$
a.proto"
A
x (Rxbproto3