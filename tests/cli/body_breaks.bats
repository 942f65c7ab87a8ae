#!/usr/bin/env bats
# Dates written across a line end inside one paragraph (a soft break) are
# found, at the line and column of their first character; a hard break or
# a paragraph boundary does not join.

load helper

findings() {
	printf '%s\n' "$output" | grep -c '\]$' || true
}

@test "a soft break between day and month: found at the day" {
	decision_with <<'EOT' | write 2010-004.md
1. de overeenkomst te verlengen tot 31
   juni 2016 en daarna niet.
EOT
	run "$CLERK" check
	[ "$status" -eq 1 ]
	[[ "$output" == *"2010-004.md:11:37: error: the date '31 juni 2016' does not exist: June 2016 has only 30 days [text-date-invalid]"* ]]
	[ "$(findings)" -eq 1 ]
}

@test "a soft break between month and year: the year on the next line counts" {
	decision_with <<'EOT' | write 2010-004.md
1. Besloten op woensdag 27 januari
2011, na overleg.
EOT
	run "$CLERK" check
	[[ "$output" == *"2010-004.md:11:16: error: the weekday 'woensdag' does not match the date: 27 januari 2011 is een donderdag [text-date-weekday]"* ]]
	[ "$(findings)" -eq 1 ]
}

@test "a soft break after the weekday, and in English between month and day" {
	decision_with <<'EOT' | write 2010-004.md
1. besloten op dinsdag
   27 januari 2010;
2. announced on Tuesday, January
   27, 2010.
3. zie ook 
   de nota van 31
   juni 2016.
EOT
	run "$CLERK" check
	[[ "$output" == *"2010-004.md:11:16: error: the weekday 'dinsdag' does not match the date: 27 januari 2010 is een woensdag [text-date-weekday]"* ]]
	[[ "$output" == *"2010-004.md:13:17: error: the weekday 'Tuesday' does not match the date: January 27, 2010 was a Wednesday [text-date-weekday]"* ]]
	[[ "$output" == *"2010-004.md:16:16: error: the date '31 juni 2016' does not exist"* ]]
	[ "$(findings)" -eq 3 ]
}

@test "correct dates across a soft break are silent" {
	decision_with <<'EOT' | write 2010-004.md
1. de overeenkomst van woensdag
   27 januari 2010 te verlengen tot 30
   juni 2016, in de week van 1 t/m 3
   maart 2010, zoals besloten op Wednesday, January
   27, 2010.
EOT
	run "$CLERK" check
	assert_clean
}

@test "a hard break or a new paragraph does not join a date" {
	decision_with <<'EOT' | write 2010-004.md
1. Besloten op woensdag 27 januari\
   2011 was het jaar van de evaluatie.
2. Besloten op woensdag 27 januari  
   2011 ook.
3. Besloten op woensdag 27 januari

   2011 was een goed jaar.
4. Besloten op woensdag 27 januari
5. 2011 was een goed jaar.
EOT
	run "$CLERK" check
	assert_clean
}

@test "both date rules off: the dates are not read, and their clerk comments are not 'unused'" {
	decision_with <<'EOT' | write 2010-004.md
<!-- clerk-disable-next-line text-date-invalid -->
1. besloten op dinsdag 27 januari 2010 over 31 juni 2016.
EOT
	printf 'rules:\n  text-date-invalid: off\n  text-date-weekday: off\n' >.clerk.yml
	run "$CLERK" check
	assert_clean
	printf 'rules:\n  text-date-invalid: off\n' >.clerk.yml
	run "$CLERK" check
	assert_one text-date-weekday 2010-004.md:12
	assert_only_one
	rm .clerk.yml
	run "$CLERK" check
	assert_one text-date-weekday 2010-004.md:12
	assert_only_one # the comment silences text-date-invalid, so it is used
}
