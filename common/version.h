/* The tool's version: the Makefile passes it from the VERSION file as
 * -DIPS_VERSION; builds that do not (the fuzz targets) say "unknown". */
#ifndef IPS_VERSION_H
#define IPS_VERSION_H

#ifndef IPS_VERSION
#define IPS_VERSION "unknown"
#endif

#endif
