<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>This is a test of the kiosk&apos;s speech. If you can hear this, reading aloud works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kiosk has been reset for the next visitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome back. Nothing was cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 seconds left. Press any key or touch the screen to stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio mode off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audio on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns audio mode off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns on audio mode: everything on the screen is spoken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume {level} of {levels}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch again to press it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That key does nothing here. Press H for help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End goes to the last topic on the start screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the kiosk&apos;s help, not part of the leaflet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, the sound did not play. Touch Read aloud to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>underscore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>colon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SEND Code of Practice, continued:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SEND Code of Practice says:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of card. Next: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End of card. This is the end of the leaflet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More below: scroll down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More text below. Scroll down to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the previous card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the list of topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the list of topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to card {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card text. Use the arrow keys or swipe up and down to scroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch a leaflet to read it. You can come back here with All leaflets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens this leaflet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaflets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch the screen to see when it opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEN help kiosk: closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text and colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings for text size, colours, font and spacing. Changes show straight away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes show straight away. They go back to standard for the next visitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close these settings and go back to reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dyslexia-friendly font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the OpenDyslexic font, with heavier letter bottoms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wider spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More space between lines, words and letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduce motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off scrolling animations and moving highlights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show text at {percent} of the normal size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the kiosk in {label} colours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put text size, colours, font and spacing back to standard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}, selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} colours, in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan for website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telephone: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talk to {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{help}. Who to talk to: {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code: {caption} {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{help}: not part of the leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hear this explanation read aloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The leaflet&apos;s topics. Swipe up or down to scroll.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a topic, or start at the beginning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the leaflet from the first card, {count} cards in all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topic {number} of {total}, {cards}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To keep your reading private, the screen will be cleared for the next visitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen will reset in 1 second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The screen will reset in {seconds} seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep reading. The screen will not be cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☎  Get help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↩  Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words on this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words explained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by {publisher}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the leaflet {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help. {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the up and down keys to move, Enter to choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the answer closest to yours. You will see which of the leaflet&apos;s cards are about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows {count} cards from the leaflet about this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The answers only point to cards of {origin}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These {count} cards are about this. They come from {origin}: its own words, in its order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Card {number} of {total} in the leaflet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the first card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: see what it means.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What some words in the leaflet mean, in plain English. These explanations are the kiosk&apos;s help, not part of the leaflet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words on this card: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch a word to see what it means. Words explained are underlined with dots on the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {source}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code holds the card {named}: its text and who to contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at it to keep the card. It works without the internet, and nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The card {named} is too long to fit in one code. This code holds its title and who to contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at it to keep them. It works without the internet, and nothing is sent anywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: shows a QR code holding this card&apos;s text, for your phone to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: choose what is happening to you, and see which of the leaflet&apos;s cards are about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: what some words in the leaflet mean, in plain English.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{help}: words explained on this card: {names}. Use the Words on this card button to hear what they mean.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the start screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: go back to where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: opens the contacts card, with who to talk to and how. Press it again there to return.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words on this card ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words on this card, {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: what these words mean: {terms}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: back to the cards for: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{help}: to talk to someone, {who}: {how}. Press G for all their details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help: {title}. Up and down arrows move between the buttons, Enter chooses. Backspace goes back to where you were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words explained are listed on each card. Open a card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This card has no words explained.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk help. {count} words explained on this card: {listing}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEN help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help with SEN decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turns on audio mode: everything on the screen is spoken. Touch once to hear a button, touch again to press it. Keyboard: arrows to move, Enter to press.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All leaflets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the list of leaflets to choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops reading this card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat sentence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the current sentence again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes the reading voice slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes the reading voice faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vol −</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes the voice quieter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vol +</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Louder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Makes the voice louder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pauses reading; press again to carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speed of the reading voice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read aloud message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explains why reading aloud is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speech unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading aloud is not working: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads this card out loud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed {speed}x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sorry, reading aloud is not working on this kiosk. ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code holding this card&apos;s text. Point a phone camera at it to keep the card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the text size, colours, font and spacing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the staff PIN on the keys, then press OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the digit {digit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the last digit typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the PIN and open the staff screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the kiosk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No digits typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 digit typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} digits typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to kiosk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the staff screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the leaflet files again from disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say a short test sentence through the speaker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit to desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the kiosk program. A supervisor may start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kiosk details, usage figures and log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag or use the Page Up and Page Down keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage figures (counting is off, or the figures could not be read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days, {total} {what} in all; busiest day {day} with {most}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usage figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage figures per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For audio, press any key or touch Listen in the top-left corner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch the screen to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cream</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
