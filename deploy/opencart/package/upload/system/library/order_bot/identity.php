<?php
/**
 * The signed identity of a signed-in customer, passed to the chat widget and checked by the bot
 * (src/shop-identity there): HMAC-SHA256 with the secret shared with the bot over one canonical text.
 */
class OrderBotIdentity {
	const SCHEME = 'opencart-order-bot/identity/v2';

	/** The text both sides sign: the scheme, id, first name, last name, email, telephone and Unix time, one per line. */
	public static function canonical($customer_id, $firstname, $lastname, $email, $telephone, $timestamp) {
		return implode("\n", array(self::SCHEME, (string)(int)$customer_id, $firstname, $lastname, $email, $telephone, (string)(int)$timestamp));
	}

	/**
	 * What the widget passes on (v, customerId, firstName, lastName, email, telephone, ts, sig), or null when a
	 * field cannot be signed (empty, too long, a control character): the customer then chats as a guest. A
	 * telephone that cannot be signed is sent as '' (the bot asks for it) rather than losing the rest.
	 */
	public static function payload($customer_id, $firstname, $lastname, $email, $telephone, $timestamp, $secret) {
		$first = self::text($firstname);
		$last = self::text($lastname);
		$mail = self::text($email);
		$phone = self::text($telephone);

		if ((int)$customer_id < 1 || !self::isName($first) || !self::isName($last) || !self::isEmail($mail) || (string)$secret === '') {
			return null;
		}

		if (!self::isTelephone($phone)) {
			$phone = '';
		}

		return array(
			'v'          => 2,
			'customerId' => (int)$customer_id,
			'firstName'  => $first,
			'lastName'   => $last,
			'email'      => $mail,
			'telephone'  => $phone,
			'ts'         => (int)$timestamp,
			'sig'        => hash_hmac('sha256', self::canonical($customer_id, $first, $last, $mail, $phone, $timestamp), (string)$secret)
		);
	}

	// OpenCart keeps what customers typed HTML-escaped (&#039;, &amp;); the bot gets the text itself.
	private static function text($value) {
		return trim(html_entity_decode((string)$value, ENT_QUOTES, 'UTF-8'));
	}

	private static function isName($value) {
		return preg_match('/^[^\x00-\x1f\x7f]{1,32}$/u', $value) === 1;
	}

	private static function isTelephone($value) {
		return preg_match('/^[^\x00-\x1f\x7f]{0,32}$/u', $value) === 1;
	}

	private static function isEmail($value) {
		return preg_match('/^[^\s@\x00-\x1f\x7f]{1,96}@[^\s@\x00-\x1f\x7f]{1,96}$/u', $value) === 1 && strlen($value) <= 96;
	}
}
