CREATE TABLE accounts (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(100));
CREATE TABLE invoices (id INT PRIMARY KEY, account_id INT, amount DECIMAL(10,2));
