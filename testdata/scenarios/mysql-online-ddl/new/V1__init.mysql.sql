CREATE TABLE orders (id INT PRIMARY KEY, status ENUM('new', 'paid', 'sent'), total INT, note VARCHAR(200));
CREATE TABLE legacy (id INT PRIMARY KEY, v INT) ENGINE=MyISAM;
