-- One row per import and LeiKa key instead of one per key and maturity level (import_summary) plus one per key
-- (import_key_name): a state of 100,000 rows wrote about 17,000 rows at the end of its load, and their inserts and
-- commit were an eighth of the import threads' time. The merged catalogue keeps the counts the same way: one row per
-- key and state (merged_state) with a column per level, copied from import_key, instead of one row per level.
create table import_key (
    job_instance_id       bigint        not null,
    state                 varchar(2)    not null,
    leistungsschluessel   varchar(14)   not null,
    bezeichnung           varchar(4000),          -- the smallest name the import gave the key
    ozg_id                varchar(5),             -- the smallest OZG-ID
    anzahl_ohne_reifegrad bigint        not null, -- offerings that give no maturity
    anzahl_reifegrad_0    bigint        not null,
    anzahl_reifegrad_1    bigint        not null,
    anzahl_reifegrad_2    bigint        not null,
    anzahl_reifegrad_3    bigint        not null,
    anzahl_reifegrad_4    bigint        not null,
    anzahl_reifegrad_5    bigint        not null, -- levels 5 to 7: OZG-Reifegrad model 2.0
    anzahl_reifegrad_6    bigint        not null,
    anzahl_reifegrad_7    bigint        not null,
    primary key (job_instance_id, state, leistungsschluessel)
);

insert into import_key (job_instance_id, state, leistungsschluessel, bezeichnung, ozg_id, anzahl_ohne_reifegrad,
    anzahl_reifegrad_0, anzahl_reifegrad_1, anzahl_reifegrad_2, anzahl_reifegrad_3, anzahl_reifegrad_4,
    anzahl_reifegrad_5, anzahl_reifegrad_6, anzahl_reifegrad_7)
select k.job_instance_id, k.state, k.leistungsschluessel, max(n.bezeichnung), max(n.ozg_id),
       coalesce(sum(case when s.reifegrad = -1 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 0 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 1 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 2 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 3 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 4 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 5 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 6 then s.anzahl end), 0),
       coalesce(sum(case when s.reifegrad = 7 then s.anzahl end), 0)
from (select job_instance_id, state, leistungsschluessel from import_summary
      union
      select job_instance_id, state, leistungsschluessel from import_key_name) k
left join import_key_name n
       on n.job_instance_id = k.job_instance_id and n.state = k.state and n.leistungsschluessel = k.leistungsschluessel
left join import_summary s
       on s.job_instance_id = k.job_instance_id and s.state = k.state and s.leistungsschluessel = k.leistungsschluessel
group by k.job_instance_id, k.state, k.leistungsschluessel;

drop table import_summary;
drop table import_key_name;

alter table merged_state add column anzahl_ohne_reifegrad bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_0 bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_1 bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_2 bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_3 bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_4 bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_5 bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_6 bigint default 0 not null;
alter table merged_state add column anzahl_reifegrad_7 bigint default 0 not null;
-- the merged catalogue as the last merge left it, for a publish that runs before the next merge (a restart)
update merged_state s set (anzahl_ohne_reifegrad, anzahl_reifegrad_0, anzahl_reifegrad_1, anzahl_reifegrad_2,
        anzahl_reifegrad_3, anzahl_reifegrad_4, anzahl_reifegrad_5, anzahl_reifegrad_6, anzahl_reifegrad_7) =
    (select coalesce(sum(case when m.reifegrad = -1 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 0 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 1 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 2 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 3 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 4 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 5 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 6 then m.anzahl end), 0),
            coalesce(sum(case when m.reifegrad = 7 then m.anzahl end), 0)
     from merged_state_maturity m where m.leistungsschluessel = s.leistungsschluessel and m.state = s.state);
drop table merged_state_maturity;
