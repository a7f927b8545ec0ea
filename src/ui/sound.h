/* sound.h - the game's short sound cues, synthesised at start-up and played through SDL audio.
 * Sound is cosmetic: nothing here is ever fatal, and without an audio device it stays silent. */
#ifndef QUIZDECK_SOUND_H
#define QUIZDECK_SOUND_H

#include <stdbool.h>

typedef enum SoundCue {
    SOUND_RIGHT,   /* a right answer: two rising notes */
    SOUND_WRONG,   /* a wrong answer: a low falling tone */
    SOUND_TICK,    /* each of the last seconds of a timer: a short blip */
    SOUND_TIME_UP, /* the timer ran out: three descending notes */
    SOUND_CLICK,   /* a button or menu choice: a very short tick */
    SOUND_CUE_COUNT
} SoundCue;

typedef struct Sound Sound;

/* Starts SDL's audio subsystem, opens the default output device and synthesises every cue.
 * When SDL has no audio or no device opens, returns a Sound that plays nothing (SDL_GetError()
 * says why). Returns NULL only when out of memory. The caller owns the result and releases it
 * with sound_close(). Call after SDL_Init() and from the thread that runs the game loop. */
Sound *sound_open(void);

/* Stops playback, closes the device, quits the audio subsystem sound_open() started and frees
 * `s`. Accepts NULL. */
void sound_close(Sound *s);

/* Starts `cue` at once, cutting off any cue still playing; never blocks. Does nothing when `s`
 * is NULL, muted or `cue` is out of range. Without a device nothing is heard, but the cue still
 * counts in sound_plays(), so tests see the same counts on machines with and without audio. */
void sound_play(Sound *s, SoundCue cue);

/* Mutes or unmutes; muting also silences a cue that is playing. Accepts NULL. */
void sound_set_muted(Sound *s, bool muted);

/* True when muted (and for NULL). */
bool sound_muted(const Sound *s);

/* How many cues sound_play() started since sound_open() (muted calls do not count); 0 for
 * NULL. */
int sound_plays(const Sound *s);

/* True when a real device is open (false for NULL and for a silent Sound). */
bool sound_has_device(const Sound *s);

#endif
