CREATE TABLE people (
  id int NOT NULL,
  email varchar(80) NOT NULL UNIQUE,
  nick varchar(20) UNIQUE KEY,
  email_2 int,
  city varchar(30),
  bio text,
  CONSTRAINT pk PRIMARY KEY (id),
  KEY (email),
  KEY (city, nick),
  INDEX (city),
  CONSTRAINT uq_nick_city UNIQUE (nick, city),
  FULLTEXT KEY ft_bio (bio)
);
CREATE TABLE orders (
  id int PRIMARY KEY,
  person_id int NOT NULL,
  seller_id int,
  FOREIGN KEY (person_id) REFERENCES people (id),
  CONSTRAINT fk_seller FOREIGN KEY (seller_id) REFERENCES people (id)
);
CREATE TABLE pairs (
  a int NOT NULL,
  b varchar(10) NOT NULL,
  c int,
  PRIMARY KEY (a, b)
);
