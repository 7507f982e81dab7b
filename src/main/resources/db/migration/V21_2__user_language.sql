-- The language each user chose for the staff screens (en, de, es); their browser's until they choose.
alter table user_setting add column ui_language varchar(8);
