// A page script that never acts: the clock check must notice the card stays.
