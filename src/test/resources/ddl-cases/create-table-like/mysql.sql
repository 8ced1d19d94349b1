CREATE TABLE orders_archive LIKE orders;
CREATE TABLE IF NOT EXISTS ddl_sales.orders LIKE ddl_shop.orders;
