/* support.c - helpers for the unit tests. */
#include "support.h"

#include <sys/wait.h>

#include <unistd.h>

#include <png.h>

#include <dirent.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

Pack *load_string(const char *text, DiagList *diags)
{
    return pack_load_buffer("test.ini", text, strlen(text), diags);
}

bool has_diag(const DiagList *diags, DiagLevel level, int line, const char *needle)
{
    for (size_t i = 0; i < diags->count; i++) {
        const Diag *d = &diags->items[i];
        if (d->level == level && d->line == line && strstr(d->message, needle)) {
            return true;
        }
    }
    return false;
}

char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    StrBuf sb = STRBUF_INIT;
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        strbuf_append(&sb, buf, n);
    }
    fclose(f);
    if (len) {
        *len = sb.len;
    }
    if (!sb.data) {
        return calloc(1, 1);
    }
    return sb.data;
}

bool write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return false;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

const char *scratch_dir(const char *name)
{
    static char path[512];
    char cmd[1200];
    str_format(path, sizeof path, "build/test-scratch/%s", name);
    str_format(cmd, sizeof cmd, "rm -rf '%s' && mkdir -p '%s'", path, path);
    if (system(cmd) != 0) {
        return NULL;
    }
    return path;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int golden_check_dir(const char *area, const char *kind, const char *ext, GoldenDumpFn dump,
                     GoldenCheckFn check)
{
    char dir[256];
    str_format(dir, sizeof dir, "tests/fixtures/%s/%s", area, kind);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char *names[512];
    int n = 0;
    size_t ext_len = strlen(ext);
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 512) {
        size_t len = strlen(e->d_name);
        if (len > ext_len && strcmp(e->d_name + len - ext_len, ext) == 0) {
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    bool update = getenv("UPDATE_GOLDEN") != NULL;
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[512], expected_path[512];
        str_format(path, sizeof path, "%s/%s", dir, names[i]);
        str_format(expected_path, sizeof expected_path, "tests/expected/%s/%s-%.*s.txt", area, kind,
                   (int)(strlen(names[i]) - ext_len), names[i]);
        StrBuf got = STRBUF_INIT;
        dump(path, &got);
        const char *complaint = check ? check(path, strbuf_cstr(&got)) : NULL;
        if (complaint) {
            fprintf(stderr, "%s: %s:\n%s", path, complaint, strbuf_cstr(&got));
            failures++;
        }
        if (update) {
            assert_true(write_file(expected_path, got.data, got.len));
        } else {
            char *want = read_file(expected_path, NULL);
            if (!want) {
                fprintf(stderr, "%s: missing (run with UPDATE_GOLDEN=1)\n", expected_path);
                failures++;
            } else if (strcmp(want, strbuf_cstr(&got)) != 0) {
                fprintf(stderr, "%s differs from %s (UPDATE_GOLDEN=1 rewrites); got:\n%s\n", path,
                        expected_path, strbuf_cstr(&got));
                failures++;
            }
            free(want);
        }
        strbuf_free(&got);
        free(names[i]);
    }
    assert_int_equal(failures, 0);
    return n;
}

const char *game_binary(void)
{
    const char *b = getenv("QUIZDECK_BIN");
    return b ? b : "build/quizdeck";
}

const char *game_home(const char *name)
{
    static char path[1024];
    const char *dir = scratch_dir(name);
    assert_non_null(dir);
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    str_format(path, sizeof path, "%s/%s", cwd, dir);
    char cmd[4400];
    str_format(cmd, sizeof cmd, "mkdir -p '%s/data' '%s/config' '%s/run' && chmod 700 '%s/run'",
               path, path, path, path);
    assert_int_equal(system(cmd), 0);
    return path;
}

void game_env(char *out, size_t size, const char *dir)
{
    str_format(out, size,
               "SDL_VIDEODRIVER=offscreen SDL_RENDER_DRIVER=software SDL_AUDIODRIVER=dummy "
               "XDG_DATA_HOME='%s/data' XDG_CONFIG_HOME='%s/config' XDG_RUNTIME_DIR='%s/run'",
               dir, dir, dir);
}

int game_run(const char *dir, const char *args, StrBuf *out)
{
    char env[3500], cmd[8000];
    game_env(env, sizeof env, dir);
    str_format(cmd, sizeof cmd, "%s %s %s 2>&1", env, game_binary(), args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[4096];
    size_t n;
    strbuf_clear(out);
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
        strbuf_append(out, buf, n);
    }
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void game_script_passes(const char *dir, const char *options, const char *script, const char *args)
{
    StrBuf out = STRBUF_INIT;
    char a[2000];
    str_format(a, sizeof a, "%s --script tests/scripts/%s %s", options, script, args);
    int rc = game_run(dir, a, &out);
    if (rc != 0 || !strstr(strbuf_cstr(&out), " 0 failed")) {
        print_error("%s exited with %d:\n%s\n", script, rc, strbuf_cstr(&out));
        fail();
    }
    strbuf_free(&out);
}

TestImage png_load(const char *path)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    TestImage out = {0, 0, NULL};
    if (!png_image_begin_read_from_file(&img, path)) {
        print_error("cannot read %s: %s\n", path, img.message);
        fail();
    }
    img.format = PNG_FORMAT_RGB;
    out.rgb = malloc(PNG_IMAGE_SIZE(img));
    assert_non_null(out.rgb);
    assert_true(png_image_finish_read(&img, NULL, out.rgb, 0, NULL));
    out.w = (int)img.width;
    out.h = (int)img.height;
    return out;
}
