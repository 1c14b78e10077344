/* The canonical data contract (docs/data-contract.md) as data: entities, their
 * columns, types, codes and references.  Ingest validates against it and the
 * warehouse stores by it, so the two cannot drift apart. */
#ifndef IPS_CONTRACT_H
#define IPS_CONTRACT_H

#include <stdbool.h>

/* In dependency order: a file of a later entity may reference earlier ones. */
typedef enum {
    ENT_COACHES,
    ENT_CLIENTS,
    ENT_EMPLOYERS,
    ENT_ENROLLMENTS,
    ENT_CONTACTS,
    ENT_JOBS,
    ENT_ASSESSMENTS,
    ENT_FIDELITY_REVIEWS,
    ENT__COUNT
} ips_entity;

typedef enum {
    CT_ID,          /* identifier text, no leading/trailing blanks */
    CT_TEXT,        /* free text */
    CT_DATE,        /* calendar date, stored as YYYY-MM-DD */
    CT_NUMBER,      /* decimal number, range checked */
    CT_INT,         /* whole number, range checked */
    CT_BOOL,        /* y/n and friends, stored as 1/0 */
    CT_CODE,        /* one of a fixed list of lower-case codes */
    CT_DIGITS       /* 1..max_len digits (occupation codes) */
} contract_type;

typedef struct {
    const char *name;          /* column name in the contract and warehouse */
    contract_type type;
    bool required;
    const char *const *codes;  /* CT_CODE: NULL-terminated list */
    double min, max;           /* CT_NUMBER / CT_INT inclusive range */
    bool min_exclusive;        /* fte: 0 < fte */
    int max_len;               /* CT_DIGITS: longest code */
    int ref;                   /* entity this id names, or -1 */
} contract_column;

typedef struct {
    const char *name;          /* "contacts": also the warehouse table */
    const contract_column *cols;
    int ncols;
    int nkey;                  /* the first nkey columns identify a row */
} contract_entity;

const contract_entity *contract_entity_get(ips_entity e);
/* Entity by name (case-insensitive), or -1. */
int contract_entity_find(const char *name);
/* Column index by name (case-insensitive, exact otherwise), or -1. */
int contract_column_find(const contract_entity *ent, const char *name);
/* True when code is one of col->codes. */
bool contract_code_valid(const contract_column *col, const char *code);

#endif
