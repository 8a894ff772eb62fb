// name: import-report
// title: An import's report
// description: The report an import kept (JSON), to download again from the history.
// param id: stable id of the import
// returns: report (null when it kept none)
// mode: read
MATCH (record:_Import {id: $id})
RETURN record.report AS report, record.fileName AS fileName, record.status AS status
