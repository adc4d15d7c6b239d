<?php
// Heading
$_['heading_title']    = 'Bestell-Bot';

// Text
$_['text_extension']   = 'Erweiterungen';
$_['text_success']     = 'Erfolgreich: Das Modul Bestell-Bot wurde geändert!';
$_['text_edit']        = 'Modul Bestell-Bot bearbeiten';
$_['text_right']       = 'Unten rechts';
$_['text_left']        = 'Unten links';

// Entry
$_['entry_status']     = 'Status';
$_['entry_url']        = 'Bot-Adresse';
$_['entry_position']   = 'Position der Chat-Schaltfläche';
$_['entry_color']      = 'Farbe der Chat-Schaltfläche';
$_['entry_secret']     = 'Gemeinsames Geheimnis';

// Help
$_['help_url']         = 'Die öffentliche Adresse des Bots, z. B. https://bot.example.com (seine PUBLIC_URL). Das Widget wird von dort geladen.';
$_['help_secret']      = 'SHOP_SHARED_SECRET des Bots: mindestens 32 Zeichen (openssl rand -hex 32). Angemeldete Kunden werden dann mit Namen begrüßt. Leer lassen, um keine Kundendaten zu senden.';

// Error
$_['error_permission'] = 'Warnung: Sie haben keine Berechtigung, das Modul Bestell-Bot zu ändern!';
$_['error_url']        = 'Geben Sie die Adresse des Bots ein, beginnend mit https:// (http:// für einen lokalen Test).';
$_['error_color']      = 'Wählen Sie eine Farbe wie #1f6fa5.';
$_['error_secret']     = 'Das Geheimnis muss aus 32 bis 256 Buchstaben, Ziffern oder den Zeichen _ ~ . + / = - bestehen.';
