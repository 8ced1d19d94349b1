CREATE TABLE events (id int NOT NULL, at datetime, source varchar(10));
CREATE TABLE keyed (id int NOT NULL, other int NOT NULL, PRIMARY KEY (id));
