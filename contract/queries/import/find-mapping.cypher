// name: find-mapping
// title: The mapping saved for a header
// description: The mapping last used for a file with this header, if any.
// param headerKey: SHA-256 of the column names, in order
// param limit: most mappings to return (one is kept per header)
// returns: mapping, name, savedBy, savedAt
// mode: read
MATCH (saved:_Mapping {headerKey: $headerKey})
RETURN saved.mapping AS mapping, saved.name AS name, saved.savedBy AS savedBy, toString(saved.savedAt) AS savedAt
LIMIT $limit
