-- An import now spills its rows as sorted runs and loads them in key order once the export is read, numbering them
-- in that order (pos). The primary key follows that number, so the database appends to both indexes instead of
-- rewriting pages all over them for every chunk of an export that is not in key order. The row's number in its
-- file (seq) stays: it is provenance, and it decides which of two duplicates came first.
create table imported_row (
    job_instance_id     bigint        not null,
    state               varchar(2)    not null,
    pos                 bigint        not null,
    seq                 bigint        not null,
    identity            varchar(300)  not null,
    leistungsschluessel varchar(14),
    gebiet_id           varchar(12)   not null,
    source_id           varchar(200),
    bezeichnung         varchar(4000),
    kurztext            varchar(20000),
    typisierung         varchar(200),
    ozg_id              varchar(5),
    reifegrad           smallint,
    reifegrad_modell    varchar(8),
    onlinedienst_url    varchar(4000),
    zustaendige_stelle  varchar(4000),
    gueltig_ab          date,
    gueltig_bis         date,
    geaendert_am        date,
    source_file         varchar(1000) not null,
    source_line         bigint        not null,
    source_element      varchar(1000),
    primary key (job_instance_id, state, pos)
);
-- Rows imported before keep their file's numbers as positions: unique within their import, which is all a
-- position has to be for them.
insert into imported_row (job_instance_id, state, pos, seq, identity, leistungsschluessel, gebiet_id, source_id,
    bezeichnung, kurztext, typisierung, ozg_id, reifegrad, reifegrad_modell, onlinedienst_url, zustaendige_stelle,
    gueltig_ab, gueltig_bis, geaendert_am, source_file, source_line, source_element)
select job_instance_id, state, seq, seq, identity, leistungsschluessel, gebiet_id, source_id,
    bezeichnung, kurztext, typisierung, ozg_id, reifegrad, reifegrad_modell, onlinedienst_url, zustaendige_stelle,
    gueltig_ab, gueltig_bis, geaendert_am, source_file, source_line, source_element
from imported_offering;

drop view offering;
drop table imported_offering;
alter table imported_row rename to imported_offering;
-- Duplicates and the counts per key and maturity are now found while loading (the rows arrive in key order), so
-- the index serves lookups and the publish's key order only.
create index imported_offering_order on imported_offering (job_instance_id, state, identity, gebiet_id);

create view offering as
select i.state, i.identity, i.gebiet_id, i.leistungsschluessel, i.source_id, i.bezeichnung, i.kurztext, i.typisierung,
       i.ozg_id, i.reifegrad, i.reifegrad_modell, i.onlinedienst_url, i.zustaendige_stelle, i.gueltig_ab,
       i.gueltig_bis, i.geaendert_am, i.source_file, i.source_line, i.source_element, i.job_instance_id
from imported_offering i
join state_catalogue c on c.state = i.state and c.last_good_instance_id = i.job_instance_id;
