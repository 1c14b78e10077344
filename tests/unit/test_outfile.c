/* common/outfile and common/csv_cell: outputs replace a file only whole,
 * never a protected file or a link; CSV text cells that a spreadsheet would
 * run as formulas are guarded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/csv_cell.h"
#include "common/outfile.h"

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/ips-outfile-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
    (void)state;
    outfile_protect_clear();
    DIR *dp = opendir(dir);
    struct dirent *e;
    char p[512];
    while (dp && (e = readdir(dp)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
    }
    if (dp)
        closedir(dp);
    return rmdir(dir);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static void read_file(const char *path, char *buf, size_t n)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    size_t got = fread(buf, 1, n - 1, f);
    buf[got] = '\0';
    fclose(f);
}

/* Files in dir other than "." and "..". */
static int entries(void)
{
    DIR *dp = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(dp);
    return n;
}

static void commit_replaces_abort_keeps(void **state)
{
    (void)state;
    char path[128], buf[64];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    write_file(path, "old");
    outfile of;
    ips_diag d;
    assert_int_equal(outfile_open(&of, path, &d), IPS_OK);
    assert_int_equal(write(of.fd, "new", 3), 3);
    read_file(path, buf, sizeof buf);
    assert_string_equal(buf, "old"); /* nothing is visible before the commit */
    outfile_abort(&of);
    read_file(path, buf, sizeof buf);
    assert_string_equal(buf, "old");
    assert_int_equal(entries(), 1); /* the temporary is gone */
    assert_int_equal(outfile_open(&of, path, &d), IPS_OK);
    assert_int_equal(write(of.fd, "new", 3), 3);
    assert_int_equal(outfile_commit(&of, &d), IPS_OK);
    read_file(path, buf, sizeof buf);
    assert_string_equal(buf, "new");
    assert_int_equal(entries(), 1);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    mode_t mask = umask(0);
    umask(mask);
    assert_int_equal(st.st_mode & 0777, 0666 & ~mask);
}

static void protected_by_name_and_inode(void **state)
{
    (void)state;
    char db[128], same[160], hard[128], wal[128];
    ips_diag d;
    snprintf(db, sizeof db, "%s/w.db", dir);
    snprintf(same, sizeof same, "%s/./w.db", dir);
    snprintf(hard, sizeof hard, "%s/hard", dir);
    snprintf(wal, sizeof wal, "%s/w.db-wal", dir);
    write_file(db, "warehouse");
    assert_int_equal(link(db, hard), 0);
    assert_true(outfile_protect(db, "the warehouse"));
    assert_true(outfile_protect(wal, "a file of the warehouse")); /* need not exist */
    assert_int_equal(outfile_check(db, &d), IPS_ERR_USAGE);
    assert_non_null(strstr(d.msg, "is the warehouse"));
    assert_int_equal(outfile_check(same, &d), IPS_ERR_USAGE);
    assert_int_equal(outfile_check(hard, &d), IPS_ERR_USAGE);
    assert_int_equal(outfile_check(wal, &d), IPS_ERR_USAGE);
    outfile of;
    assert_int_equal(outfile_open(&of, same, &d), IPS_ERR_USAGE);
    assert_int_equal(entries(), 2); /* no temporary was made */
    outfile_protect_clear();
    assert_int_equal(outfile_check(db, &d), IPS_OK);
}

static void links_folders_and_devices_refused(void **state)
{
    (void)state;
    char target[128], link[128], sub[128];
    ips_diag d;
    snprintf(target, sizeof target, "%s/target", dir);
    snprintf(link, sizeof link, "%s/s.pdf", dir);
    snprintf(sub, sizeof sub, "%s/sub", dir);
    write_file(target, "precious");
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(outfile_check(link, &d), IPS_ERR_IO);
    assert_non_null(strstr(d.msg, "symbolic link"));
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(outfile_check(sub, &d), IPS_ERR_IO);
    assert_int_equal(outfile_check("/dev/null", &d), IPS_ERR_IO);
    rmdir(sub);
}

static void formula_cells_guarded(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    csv_cell_write(f, "=HYPERLINK(\"http://x\",\"y\")", true, false);
    csv_cell_write(f, "@SUM(A1)", true, false);
    csv_cell_write(f, "+1", true, false);
    csv_cell_write(f, "-x", true, false);
    csv_cell_write(f, "\tx", true, false);
    csv_cell_write(f, "-3.5", false, false);
    csv_cell_write(f, "plain", true, false);
    csv_cell_write(f, "a,b", true, true);
    fclose(f);
    assert_string_equal(buf, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'+1,'-x,"
                             "'\tx,-3.5,plain,\"a,b\"\n");
    free(buf);
    assert_true(csv_cell_formula_risk("\rx"));
    assert_false(csv_cell_formula_risk(""));
    assert_false(csv_cell_formula_risk("x=1"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(commit_replaces_abort_keeps, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(protected_by_name_and_inode, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(links_folders_and_devices_refused, make_dir, remove_dir),
        cmocka_unit_test(formula_cells_guarded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
