# Consistency checks of a warehouse, shared by the bad-input and crash tests.
# Source after lib.sh.  warehouse_problems DB prints one line per problem and
# nothing when the warehouse is whole:
#  - SQLite's own integrity_check and foreign_key_check;
#  - every batch adds up: read = stored + rejected + duplicate, and its
#    content hash was recorded (a batch still marked 'loading' was committed
#    half way);
#  - every batch's rejects are all there (rows_rejected rows in rejects), and
#    reject reasons and lists of ignored columns are valid UTF-8;
#  - every index of the schema is there (a large load drops and rebuilds the
#    table's indexes inside its transaction);
#  - every batch's stored rows are all there: the rows carrying its batch_id
#    number rows_stored (new and updated rows both take the batch's id), or
#    fewer only when a later batch of that entity corrected some of them.
# A committed batch is whole; an uncommitted one leaves nothing, so no
# half-stored file can pass these.
ENTITIES="coaches clients employers enrollments contacts jobs assessments fidelity_reviews"

warehouse_problems() {
    db=$1
    v=$(sql "$db" 'PRAGMA integrity_check')
    [ "$v" = ok ] || echo "integrity_check: $v"
    v=$(sql "$db" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
    # 9 since schema 4 (10 with batches_identity in 3, less contacts_kind).
    [ "$v" = 8 ] || echo "expected the schema's 8 indexes, found $v"
    v=$(sql "$db" 'PRAGMA foreign_key_check' | head -5)
    [ -z "$v" ] || echo "foreign_key_check: $v"
    v=$(sql "$db" "SELECT group_concat(batch_id) FROM batches
                   WHERE rows_read <> rows_stored + rows_rejected + rows_duplicate
                      OR content_hash = 'loading' OR rows_updated > rows_stored")
    [ -z "$v" ] || echo "batches whose counts do not add up: $v"
    v=$(sql "$db" "SELECT group_concat(b.batch_id) FROM batches b WHERE b.rows_rejected <>
                   (SELECT count(*) FROM rejects r WHERE r.batch_id = b.batch_id)")
    [ -z "$v" ] || echo "batches with missing or extra rejects: $v"
    if ! sql "$db" "SELECT reason, column_name FROM rejects; SELECT ignored_columns, file_name
                    FROM batches" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
        echo "a reject reason or column list is not valid UTF-8 (cut inside a character?)"
    fi
    for e in $ENTITIES; do
        v=$(sql "$db" "SELECT group_concat(b.batch_id) FROM batches b WHERE b.entity = '$e'
                       AND (SELECT count(*) FROM $e t WHERE t.batch_id = b.batch_id)
                       NOT BETWEEN (CASE WHEN EXISTS (SELECT 1 FROM batches l
                                    WHERE l.entity = b.entity AND l.batch_id > b.batch_id
                                      AND l.rows_updated > 0) THEN 0 ELSE b.rows_stored END)
                           AND b.rows_stored")
        [ -z "$v" ] || echo "$e: batches whose stored rows are not all there: $v"
    done
}

# total_rows DB: rows in all entity tables together.
total_rows() {
    q="SELECT 0"
    for e in $ENTITIES; do q="$q + (SELECT count(*) FROM $e)"; done
    sql "$1" "$q"
}

# sanitizer_report FILE: true when FILE holds an ASan, LSan or UBSan report.
sanitizer_report() {
    grep -Eq 'ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: UndefinedBehaviorSanitizer' "$1"
}
