// name: save-mapping
// title: Save a mapping for a header
// description: Keeps the mapping an import used, keyed by the file's header (its column names in
//   order), so a file with the same header is offered it again. The latest mapping wins.
// param headerKey: SHA-256 of the column names, in order
// param columns: the column names
// param name: the mapping's name, or null
// param mapping: the mapping document as JSON
// param savedBy: the account that used it
// param savedAt: ISO date-time
// returns: headerKey
// mode: write
MERGE (saved:_Mapping {headerKey: $headerKey})
SET saved.columns = $columns, saved.name = $name, saved.mapping = $mapping, saved.savedBy = $savedBy, saved.savedAt = datetime($savedAt)
RETURN saved.headerKey AS headerKey
