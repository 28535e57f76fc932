-- Per import and key, how many offerings at which maturity: counted in the merge's pass over the import's index
-- (which now carries the maturity), so that rebuilding the merged catalogue no longer reads every offering again.
create table import_summary (
    job_instance_id     bigint      not null,
    state               varchar(2)  not null,
    leistungsschluessel varchar(14) not null,
    reifegrad           smallint    not null, -- -1: the state gave none
    anzahl              bigint      not null,
    primary key (job_instance_id, state, leistungsschluessel, reifegrad)
);
insert into import_summary (job_instance_id, state, leistungsschluessel, reifegrad, anzahl)
select job_instance_id, state, leistungsschluessel, coalesce(reifegrad, -1), count(*)
from offering where leistungsschluessel is not null
group by job_instance_id, state, leistungsschluessel, coalesce(reifegrad, -1);

drop index staged_offering_identity;
create index imported_offering_order on imported_offering (job_instance_id, state, identity, gebiet_id, seq, reifegrad);
