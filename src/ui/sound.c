/* sound.c - synthesised sound cues on an SDL audio device. Holds no global state; never fatal.
 *
 * Playback uses SDL_QueueAudio rather than a callback mixer: cues never overlap by design (a new
 * one replaces the old), so there is nothing to mix, and the queue needs no lock shared with
 * the audio thread. sound_play() clears the queue first so cues never pile up behind each
 * other. Cutting a cue short can click faintly; the cues are short enough that it is rare. */
#include "sound.h"

#include <math.h>
#include <stdlib.h>

#include <SDL.h>

enum {
    SOUND_RATE = 48000,
    MAX_NOTES = 4,
};

#define PI 3.141592653589793
#define TWO_PI (2.0 * PI)
#define PEAK 32767.0

/* One note of a cue: a sine with a little of its second and third harmonics, gliding from
 * `freq_from` to `freq_to`, shaped by a raised-cosine attack, an exponential decay and a
 * raised-cosine release that ends exactly at zero. */
typedef struct Note {
    double start_ms;
    double length_ms;
    double freq_from;
    double freq_to;
    double gain; /* 0..1 of full scale */
    double harmonic2;
    double harmonic3;
    double attack_ms;
    double decay_ms; /* time for the level to fall to 1/e; 0 for none */
    double release_ms;
} Note;

typedef struct CueDesign {
    int notes;
    Note note[MAX_NOTES];
} CueDesign;

/* Notes: E5 659.26 Hz, G5 783.99, A5 880.00, C5 523.25, E5, C6 1046.50. */
static const CueDesign CUE_DESIGNS[SOUND_CUE_COUNT] = {
    [SOUND_RIGHT] = {2,
                     {
                         {0, 120, 659.26, 659.26, 0.30, 0.12, 0.04, 6, 250, 30},
                         {100, 260, 880.00, 880.00, 0.30, 0.12, 0.04, 6, 180, 90},
                     }},
    [SOUND_WRONG] = {1,
                     {
                         {0, 380, 220.0, 150.0, 0.32, 0.30, 0.15, 12, 400, 120},
                     }},
    [SOUND_TICK] = {1,
                    {
                        {0, 45, 1318.5, 1318.5, 0.22, 0.05, 0.0, 2, 20, 20},
                    }},
    [SOUND_TIME_UP] = {3,
                       {
                           {0, 160, 783.99, 783.99, 0.28, 0.15, 0.05, 6, 300, 40},
                           {150, 160, 659.26, 659.26, 0.28, 0.15, 0.05, 6, 300, 40},
                           {300, 380, 523.25, 523.25, 0.28, 0.15, 0.05, 6, 300, 150},
                       }},
    [SOUND_CLICK] = {1,
                     {
                         {0, 14, 2093.0, 1800.0, 0.16, 0.0, 0.0, 1, 6, 6},
                     }},
};

typedef struct CueBuffer {
    Sint16 *samples;
    Uint32 bytes;
} CueBuffer;

struct Sound {
    SDL_AudioDeviceID device; /* 0: no device, play nothing */
    bool audio_started;       /* we called SDL_InitSubSystem(SDL_INIT_AUDIO) successfully */
    bool muted;
    int plays;
    CueBuffer cue[SOUND_CUE_COUNT];
};

static double envelope(const Note *n, double t_ms)
{
    double level = 1.0;
    if (t_ms < n->attack_ms) {
        level *= 0.5 - 0.5 * cos(PI * t_ms / n->attack_ms);
    }
    if (n->decay_ms > 0) {
        level *= exp(-t_ms / n->decay_ms);
    }
    double left = n->length_ms - t_ms;
    if (left < n->release_ms) {
        level *= 0.5 - 0.5 * cos(PI * left / n->release_ms);
    }
    return level;
}

/* Adds `n` into `mix` (SOUND_RATE samples a second). */
static void render_note(const Note *n, float *mix, int frames)
{
    int first = (int)(n->start_ms * SOUND_RATE / 1000.0);
    int count = (int)(n->length_ms * SOUND_RATE / 1000.0);
    double phase = 0.0;
    for (int i = 0; i < count && first + i < frames; i++) {
        double t = (double)i / count;
        double freq = n->freq_from + (n->freq_to - n->freq_from) * t;
        phase += TWO_PI * freq / SOUND_RATE;
        double wave =
            sin(phase) + n->harmonic2 * sin(2.0 * phase) + n->harmonic3 * sin(3.0 * phase);
        wave /= 1.0 + n->harmonic2 + n->harmonic3;
        mix[first + i] += (float)(n->gain * envelope(n, i * 1000.0 / SOUND_RATE) * wave);
    }
}

/* Renders one cue into 16-bit mono samples; false when out of memory. */
static bool synthesise(const CueDesign *design, CueBuffer *out)
{
    double end_ms = 0;
    for (int i = 0; i < design->notes; i++) {
        double end = design->note[i].start_ms + design->note[i].length_ms;
        end_ms = end > end_ms ? end : end_ms;
    }
    int frames = (int)(end_ms * SOUND_RATE / 1000.0) + 1;
    float *mix = calloc((size_t)frames, sizeof *mix);
    Sint16 *samples = malloc((size_t)frames * sizeof *samples);
    if (mix == NULL || samples == NULL) {
        free(mix);
        free(samples);
        return false;
    }
    for (int i = 0; i < design->notes; i++) {
        render_note(&design->note[i], mix, frames);
    }
    for (int i = 0; i < frames; i++) {
        double v = mix[i] * PEAK;
        v = v > PEAK ? PEAK : v < -PEAK ? -PEAK : v;
        samples[i] = (Sint16)lrint(v);
    }
    free(mix);
    out->samples = samples;
    out->bytes = (Uint32)((size_t)frames * sizeof *samples);
    return true;
}

static void free_cues(Sound *s)
{
    for (int i = 0; i < SOUND_CUE_COUNT; i++) {
        free(s->cue[i].samples);
        s->cue[i].samples = NULL;
        s->cue[i].bytes = 0;
    }
}

Sound *sound_open(void)
{
    Sound *s = calloc(1, sizeof *s);
    if (s == NULL) {
        return NULL;
    }
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        return s;
    }
    s->audio_started = true;
    SDL_AudioSpec want;
    SDL_zero(want);
    want.freq = SOUND_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024; /* about 21 ms: a cue starts promptly */
    /* no allowed changes: SDL converts our format to whatever the device wants */
    s->device = SDL_OpenAudioDevice(NULL, 0, &want, NULL, 0);
    if (s->device == 0) {
        return s;
    }
    for (int i = 0; i < SOUND_CUE_COUNT; i++) {
        if (!synthesise(&CUE_DESIGNS[i], &s->cue[i])) {
            /* out of memory: stay silent rather than fail */
            SDL_CloseAudioDevice(s->device);
            s->device = 0;
            free_cues(s);
            SDL_SetError("out of memory synthesising sound cues");
            return s;
        }
    }
    SDL_PauseAudioDevice(s->device, 0); /* plays silence while the queue is empty */
    return s;
}

void sound_close(Sound *s)
{
    if (s == NULL) {
        return;
    }
    if (s->device != 0) {
        SDL_CloseAudioDevice(s->device);
    }
    free_cues(s);
    if (s->audio_started) {
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    }
    free(s);
}

void sound_play(Sound *s, SoundCue cue)
{
    if (s == NULL || s->muted || (int)cue < 0 || cue >= SOUND_CUE_COUNT) {
        return;
    }
    s->plays++;
    if (s->device == 0) {
        return;
    }
    SDL_ClearQueuedAudio(s->device);
    SDL_QueueAudio(s->device, s->cue[cue].samples, s->cue[cue].bytes);
}

void sound_set_muted(Sound *s, bool muted)
{
    if (s == NULL) {
        return;
    }
    s->muted = muted;
    if (muted && s->device != 0) {
        SDL_ClearQueuedAudio(s->device);
    }
}

bool sound_muted(const Sound *s)
{
    return s == NULL || s->muted;
}

int sound_plays(const Sound *s)
{
    return s == NULL ? 0 : s->plays;
}

bool sound_has_device(const Sound *s)
{
    return s != NULL && s->device != 0;
}
