-- MariaDB only: full-text indexes over the search columns of V14_1 (H2 searches them with LIKE).
create fulltext index ft_case_search on follow_up_case (search_text);
create fulltext index ft_customer_search on customer (search_text);
