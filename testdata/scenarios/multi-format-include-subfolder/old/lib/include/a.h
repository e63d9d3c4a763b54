int area(int, int);
