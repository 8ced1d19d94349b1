CREATE TABLE ignored (id int PRIMARY KEY);
CREATE TABLE ddl_other.elsewhere (id int PRIMARY KEY);
USE ddl_sales;
CREATE TABLE invoices (id int PRIMARY KEY, note varchar(10));
CREATE TABLE ddl_shop.items (id int PRIMARY KEY, note varchar(10));
CREATE TABLE `ddl_shop`.`Mixed Case` (`Id` int PRIMARY KEY, `Note "quoted"` varchar(10));
