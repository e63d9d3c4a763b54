CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total INT, note TEXT, placed_at DATETIME, shape GEOMETRY NOT NULL);
CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50));
