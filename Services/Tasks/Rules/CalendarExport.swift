/// Days and reporting periods come from the shared calendar; every user of the task rules
/// sees them as before.
@_exported import NQ57Calendar
