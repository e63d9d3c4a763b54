ALTER TABLE accounts DROP COLUMN name;
ALTER TABLE accounts ADD UNIQUE KEY accounts_email (email);
ALTER TABLE accounts MODIFY email VARCHAR(100) NOT NULL;
ALTER TABLE invoices ADD CONSTRAINT invoices_account FOREIGN KEY (account_id) REFERENCES accounts (id);
ALTER TABLE invoices CHANGE amount total DECIMAL(10,2);
INSERT INTO invoices VALUES (1, 1, 9.99);
