CREATE TABLE orders (id int PRIMARY KEY, customer varchar(40), created date, note text, KEY created (created));
CREATE TABLE items (id int PRIMARY KEY, created date);
