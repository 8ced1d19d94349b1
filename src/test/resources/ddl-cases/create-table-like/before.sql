CREATE TABLE orders (
  id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status enum('new','paid') NOT NULL DEFAULT 'new',
  ref varchar(20) NOT NULL,
  UNIQUE KEY ref (ref)
);
