CREATE TABLE orders (
  id int(10) unsigned NOT NULL AUTO_INCREMENT,
  customer varchar(40) NOT NULL DEFAULT '',
  status enum('new','paid','sent') NOT NULL DEFAULT 'new',
  total decimal(10,2) DEFAULT 0.00,
  created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  note text,
  flags bit(3) DEFAULT b'101',
  PRIMARY KEY (id),
  KEY (customer),
  UNIQUE KEY uk_note (note(20))
) ENGINE=InnoDB AUTO_INCREMENT=100 DEFAULT CHARSET=utf8mb4;
