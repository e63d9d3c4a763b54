#include "lib.h"

void use() {
  demo::Connection::set_log_level(2);
  demo::Connection connection("tcp://localhost:5555");
  connection.send("ping", 4);
}
