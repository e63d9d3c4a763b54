-- email turns case-sensitive; name only changes how the table default is spelled.
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(255) COLLATE utf8mb4_bin, name VARCHAR(100) COLLATE utf8mb4_general_ci, UNIQUE KEY users_email (email)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
