// name: schema
// title: Schema
// description: Constraints and indexes the queries rely on, each IF NOT EXISTS so start-up can
//   apply them every time. Statements are separated by semicolons and run one by one.
// returns: nothing
// mode: write
// One uniqueness constraint on `id` per label (its backing index serves every `{id: $x}` lookup);
// `Entity` is on every evidence node, so a lookup that does not know the kind is one seek too.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT official_id IF NOT EXISTS FOR (n:Official) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT guard_id IF NOT EXISTS FOR (n:Guard) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT detainee_id IF NOT EXISTS FOR (n:Detainee) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT facility_id IF NOT EXISTS FOR (n:Facility) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT directive_id IF NOT EXISTS FOR (n:Directive) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
// The app's own records: views by id and share token, versions by view, imports by id.
CREATE CONSTRAINT view_id IF NOT EXISTS FOR (v:_View) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT view_share_id IF NOT EXISTS FOR (v:_View) REQUIRE v.shareId IS UNIQUE;
CREATE CONSTRAINT view_version IF NOT EXISTS FOR (v:_ViewVersion) REQUIRE (v.viewId, v.version) IS UNIQUE;
CREATE INDEX view_version_view IF NOT EXISTS FOR (v:_ViewVersion) ON (v.viewId);
CREATE CONSTRAINT import_id IF NOT EXISTS FOR (i:_Import) REQUIRE i.id IS UNIQUE;
// What each import added to an element it did not create (undo takes back exactly that), by import
// and by element; saved mappings by the header they were made for.
CREATE INDEX claim_import IF NOT EXISTS FOR (c:_Claim) ON (c.importId);
CREATE INDEX claim_element IF NOT EXISTS FOR (c:_Claim) ON (c.elementId);
CREATE CONSTRAINT mapping_header IF NOT EXISTS FOR (m:_Mapping) REQUIRE m.headerKey IS UNIQUE;
// The key of protected people's ids: one per graph, even when two first imports begin at once.
CREATE CONSTRAINT node_id_key_name IF NOT EXISTS FOR (k:_NodeIdKey) REQUIRE k.name IS UNIQUE;
// Matching on import: the same official identifier is the same person.
CREATE INDEX person_id_number IF NOT EXISTS FOR (n:Person) ON (n.idNumber);
// Import matching finds a common name's namesakes born the same day by it (match-candidates.cypher).
CREATE INDEX person_birth_date IF NOT EXISTS FOR (n:Person) ON (n.birthDate);
// The start page's count of synthetic test records counts the few that are not (graph-statistics.cypher):
// a boolean's index seek for `false` reads the public record and imports, never the millions generated.
CREATE INDEX entity_synthetic IF NOT EXISTS FOR (n:Entity) ON (n.synthetic);
// Analysts' judgements that records are one person, by id.
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (j:_Judgement) REQUIRE j.id IS UNIQUE;
// Accounts, sessions and API tokens (both `_Session`, stored by the SHA-256 of their secret), audit entries.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:_User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:_User) REQUIRE u.username IS UNIQUE;
// Sign-in ignores case: one account per lower-cased name (older accounts get the key at start-up).
CREATE CONSTRAINT user_username_key IF NOT EXISTS FOR (u:_User) REQUIRE u.usernameKey IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (s:_Session) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT session_token_hash IF NOT EXISTS FOR (s:_Session) REQUIRE s.tokenHash IS UNIQUE;
CREATE INDEX session_user IF NOT EXISTS FOR (s:_Session) ON (s.userId);
CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (a:_Audit) REQUIRE a.id IS UNIQUE;
CREATE INDEX audit_at IF NOT EXISTS FOR (a:_Audit) ON (a.at);
// Analysts' notes and hypothesis links, found by what they are about (a hypothesis by either node).
CREATE CONSTRAINT note_id IF NOT EXISTS FOR (n:_Note) REQUIRE n.id IS UNIQUE;
CREATE INDEX note_target IF NOT EXISTS FOR (n:_Note) ON (n.targetId);
CREATE INDEX note_to IF NOT EXISTS FOR (n:_Note) ON (n.toId);
// The gazetteer's places by their official division code (an import's place column may hold one).
CREATE INDEX place_code IF NOT EXISTS FOR (n:Place) ON (n.code);
// Cases and what they gather, found by the case.
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (c:_Case) REQUIRE c.id IS UNIQUE;
CREATE INDEX case_item_case IF NOT EXISTS FOR (i:_CaseItem) ON (i.caseId);
// Chains stop at central-level organisations: the level index finds the tops.
CREATE INDEX organization_level IF NOT EXISTS FOR (n:Organization) ON (n.level);
// Relationship ids: saved views and citations point at links by our id.
CREATE INDEX held_post_id IF NOT EXISTS FOR ()-[r:HELD_POST]-() ON (r.id);
CREATE INDEX subordinate_to_id IF NOT EXISTS FOR ()-[r:SUBORDINATE_TO]-() ON (r.id);
// The CJK analyzer indexes Chinese characters as bigrams and folds Latin case, so one index
// serves 陈全国, "Chen Quanguo" and "chen"; `nameKeys` (contract/names.ts) hold the folded spellings
// (no tones or diacritics, one spelling of q/k, x/sh, -jan/-jang, joined words). Documents stay
// out: a source titled "Chen Quanguo - Wikipedia" must not outrank the man himself.
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS
FOR (n:Person|Organization|Facility|Directive|Place) ON EACH [n.name, n.nameZh, n.pinyin, n.aliases, n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// Matching on import: whole names folded (contract/names.ts matchKeys), each list element one
// term (the keyword analyzer), so each name is one exact look-up. A range index cannot do it: it
// does not index the elements of a list.
CREATE FULLTEXT INDEX entityMatchKeys IF NOT EXISTS
FOR (n:Person|Organization|Facility|Directive|Place) ON EACH [n.matchKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// Undo (and a cancelled import's clean-up) finds what an import asserted by its id in `imports`, each list
// element one term (the keyword analyzer), as entityMatchKeys holds match keys. The seed writes no
// `imports`, so only imported elements are in these. A relationship index must name its types: every
// type of contract/model (tests/integration/import.test.ts checks it).
CREATE FULLTEXT INDEX entityImports IF NOT EXISTS
FOR (n:Entity) ON EACH [n.imports]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
CREATE FULLTEXT INDEX linkImports IF NOT EXISTS
FOR ()-[r:HELD_POST|SUBORDINATE_TO|REPORTS_TO|OPERATES|ASSIGNED_TO|DETAINED_AT|ISSUED|ADDRESSED_TO|INVOKES|APPLIES_TO|LOCATED_IN|DEPICTS|SANCTIONED_UNDER|RELATED_TO|RESIDES_IN]-() ON EACH [r.imports]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// What a redacted reader searches (public-names.cypher): the kinds that are never protected, so no
// victim's name is in it and a real name is as cheap to look for as a made-up one.
CREATE FULLTEXT INDEX publicNames IF NOT EXISTS
FOR (n:Official|Guard|Organization|Facility|Directive|Place) ON EACH [n.name, n.nameZh, n.pinyin, n.aliases, n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
