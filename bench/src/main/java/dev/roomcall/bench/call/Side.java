package dev.roomcall.bench.call;

/** Who is measured in a call: the second Chromium of a Chromium ↔ Chromium call, or the Roomcall app. */
enum Side {
    CHROMIUM("Chromium ↔ Chromium", "second Chromium"),
    ROOMCALL("Roomcall ↔ Chromium", "Roomcall app");

    final String call;
    final String measured;

    Side(String call, String measured) {
        this.call = call;
        this.measured = measured;
    }
}
