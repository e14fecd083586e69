package dev.roomcall.app.notify;

/** Plays one chime in a process of its own (so it can be given a sound server): {@code PlayChime VOLUME KIND}. */
public final class PlayChime {

    private PlayChime() {}

    public static void main(String[] args) {
        boolean played = new Chime(Double.parseDouble(args[0])).playAndWait(Chime.Kind.valueOf(args[1]));
        System.exit(played ? 0 : 3);
    }
}
