-- A state's first accepted import adds every one of its rows: instead of copying them all into the change table,
-- the import is marked, and the publication's change file lists the import's rows as added.
alter table import_result add column all_added boolean default false not null;
