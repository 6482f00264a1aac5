// The player's cues: spoken words, beeps and vibration, each of which the runner can turn off.
// Browsers (iOS Safari above all) only let a page make sound after a tap, so unlock() must run
// inside the first tap's handler.
(function (steady) {
  'use strict';

  // Each cue: beep tones as [frequency Hz, seconds], and a vibration pattern in ms.
  const SOUNDS = {
    ready: { tones: [[660, 0.15]], vibrate: [80] },
    start: { tones: [[880, 0.35]], vibrate: [250] },
    halfway: { tones: [[660, 0.1], [660, 0.1]], vibrate: [80, 80, 80] },
    count: { tones: [[520, 0.12]], vibrate: [60] },
    switch: { tones: [[660, 0.15], [880, 0.25]], vibrate: [150, 100, 150] },
    rest: { tones: [[440, 0.3]], vibrate: [120] },
    done: { tones: [[523, 0.15], [659, 0.15], [784, 0.4]], vibrate: [300, 120, 300] },
  };

  let audio = null;
  let options = { speech: true, beeps: true, vibration: true };

  /** Which kinds of cue to give, from the settings. */
  function configure(settings) {
    options = { speech: settings.cue_speech, beeps: settings.cue_beeps, vibration: settings.cue_vibration };
  }

  /** Call from a tap: opens the audio output and primes speech so later cues may sound. */
  function unlock() {
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (Context && !audio) audio = new Context();
      if (audio && audio.state === 'suspended') audio.resume().catch(() => undefined);
      if (window.speechSynthesis && options.speech && !unlock.spoken) {
        // A silent utterance inside the tap is what lets iOS speak later, outside one.
        const primer = new SpeechSynthesisUtterance(' ');
        primer.volume = 0;
        speechSynthesis.speak(primer);
        unlock.spoken = true;
      }
    } catch (error) {
      // No audio on this device: the screen and the live region still carry every cue.
    }
  }

  function beep(tones) {
    if (!audio || audio.state !== 'running') return;
    let at = audio.currentTime;
    for (const [frequency, seconds] of tones) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + seconds + 0.02);
      at += seconds + 0.08;
    }
  }

  function say(text) {
    if (!window.speechSynthesis || !text) return;
    speechSynthesis.cancel(); // a late cue must not queue behind an old one
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = document.documentElement.lang || 'en-GB';
    speechSynthesis.speak(utterance);
  }

  /** Give one cue ('ready', 'start', 'halfway', 'count', 'switch', 'rest', 'done') with the words to speak. */
  function cue(kind, words) {
    const sound = SOUNDS[kind];
    if (!sound) return;
    if (options.beeps) beep(sound.tones);
    if (options.speech) say(words);
    if (options.vibration && navigator.vibrate) navigator.vibrate(sound.vibrate);
  }

  steady.playerCues = { configure, unlock, cue };
})(globalThis.steady);
