int area(long, long);
