/* The running program's NT_GNU_BUILD_ID note, read from its own program
 * headers (dl_iterate_phdr: the main program is the first object). */
#define _GNU_SOURCE /* dl_iterate_phdr's struct dl_phdr_info */
#include "common/build_id.h"

#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <string.h>

static char id_hex[2 * 64 + 1];
static int id_done;

static size_t align4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

/* The build ID among the notes at p (size n bytes), into id_hex. */
static int scan_notes(const unsigned char *p, size_t n)
{
    size_t off = 0;
    while (off + sizeof(ElfW(Nhdr)) <= n) {
        ElfW(Nhdr) h;
        memcpy(&h, p + off, sizeof h);
        size_t name_at = off + sizeof h;
        size_t desc_at = name_at + align4(h.n_namesz);
        if (desc_at + h.n_descsz > n)
            return 0;
        if (h.n_type == NT_GNU_BUILD_ID && h.n_namesz == 4 &&
            memcmp(p + name_at, "GNU", 4) == 0 && h.n_descsz > 0 && h.n_descsz <= 64) {
            for (size_t i = 0; i < h.n_descsz; i++)
                snprintf(id_hex + 2 * i, 3, "%02x", p[desc_at + i]);
            return 1;
        }
        off = desc_at + align4(h.n_descsz);
    }
    return 0;
}

static int first_object(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_NOTE &&
            scan_notes((const unsigned char *)(info->dlpi_addr + ph->p_vaddr), ph->p_memsz))
            break;
    }
    return 1; /* the main program only */
}

const char *build_id(void)
{
    if (!id_done) {
        dl_iterate_phdr(first_object, NULL);
        id_done = 1;
    }
    return id_hex;
}
