-- A state's offerings are no longer copied out of the import into a table of their own: the rows of its last good
-- import are its offerings, and accepting an import moves the state's pointer (state_catalogue.last_good_instance_id)
-- in one small transaction. Copying millions of rows inside the merge's transaction, and deleting them again
-- afterwards, cost far more than the import itself. "offering" stays, as a view, for everyone who reads it.

alter table staged_offering rename to imported_offering;

-- Keep what an existing catalogue holds: its offerings become the rows of their state's last good import (rows
-- of that import still staged, if a publish was cut short, are the same rows and make way).
delete from imported_offering i
where exists (select 1 from state_catalogue c
              where c.state = i.state and c.last_good_instance_id = i.job_instance_id);
insert into imported_offering (job_instance_id, state, seq, identity, leistungsschluessel, gebiet_id, source_id,
    bezeichnung, kurztext, typisierung, ozg_id, reifegrad, reifegrad_modell, onlinedienst_url, zustaendige_stelle,
    gueltig_ab, gueltig_bis, geaendert_am, source_file, source_line, source_element)
select c.last_good_instance_id, o.state, row_number() over (partition by o.state order by o.identity, o.gebiet_id),
    o.identity, o.leistungsschluessel, o.gebiet_id, o.source_id, o.bezeichnung, o.kurztext, o.typisierung, o.ozg_id,
    o.reifegrad, o.reifegrad_modell, o.onlinedienst_url, o.zustaendige_stelle, o.gueltig_ab, o.gueltig_bis,
    o.geaendert_am, o.source_file, o.source_line, o.source_element
from offering o join state_catalogue c on c.state = o.state
where c.last_good_instance_id is not null;
drop table offering;

-- The import a run's accepted import replaced: its rows are deleted once the run has published.
alter table state_catalogue add column superseded_instance_id bigint;

create view offering as
select i.state, i.identity, i.gebiet_id, i.leistungsschluessel, i.source_id, i.bezeichnung, i.kurztext, i.typisierung,
       i.ozg_id, i.reifegrad, i.reifegrad_modell, i.onlinedienst_url, i.zustaendige_stelle, i.gueltig_ab,
       i.gueltig_bis, i.geaendert_am, i.source_file, i.source_line, i.source_element, i.job_instance_id
from imported_offering i
join state_catalogue c on c.state = i.state and c.last_good_instance_id = i.job_instance_id;
