<?php
// Heading
$_['heading_title']    = 'Order bot';

// Text
$_['text_extension']   = 'Extensions';
$_['text_success']     = 'Success: You have modified the order bot module!';
$_['text_edit']        = 'Edit Order Bot Module';
$_['text_right']       = 'Bottom right';
$_['text_left']        = 'Bottom left';

// Entry
$_['entry_status']     = 'Status';
$_['entry_url']        = 'Bot URL';
$_['entry_position']   = 'Launcher position';
$_['entry_color']      = 'Launcher colour';
$_['entry_secret']     = 'Shared secret';

// Help
$_['help_url']         = 'The bot\'s public address, e.g. https://bot.example.com (its PUBLIC_URL). The widget loads from it.';
$_['help_secret']      = 'The bot\'s SHOP_SHARED_SECRET: 32 characters or more (openssl rand -hex 32). Signed-in customers are then greeted by name. Leave empty to send no customer details.';

// Error
$_['error_permission'] = 'Warning: You do not have permission to modify the order bot module!';
$_['error_url']        = 'Enter the bot\'s address, starting with https:// (http:// for a local test).';
$_['error_color']      = 'Choose a colour such as #1f6fa5.';
$_['error_secret']     = 'The secret must be 32 to 256 letters, digits or the characters _ ~ . + / = -';
