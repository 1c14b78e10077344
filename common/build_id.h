/* This program's GNU build ID (the linker's hash of the code), for what
 * the warehouse keeps that only this very build may read back: figures
 * a changed metric definition would make stale though the data did not
 * change (model/metric_store.c). */
#ifndef IPS_BUILD_ID_H
#define IPS_BUILD_ID_H

/* The build ID in lowercase hex, or "" when the program carries none
 * (linked without --build-id): then nothing is kept. */
const char *build_id(void);

#endif
