CREATE TABLE log_lines (at datetime, line text);
CREATE TABLE by_unique (code varchar(10) NOT NULL, label text, UNIQUE KEY code (code));
CREATE TABLE nullable_unique (code varchar(10), UNIQUE KEY code (code));
