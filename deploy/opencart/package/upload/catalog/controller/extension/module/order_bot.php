<?php
/**
 * The chat widget's script tag, rendered by the footer (see install.xml): the page's language and currency,
 * the product on a product page, and the signed identity of a signed-in customer.
 */
class ControllerExtensionModuleOrderBot extends Controller {
	// Not a layout module: placed in a layout, it shows nothing (the footer already adds the widget).
	public function index() {
		return '';
	}

	public function widget() {
		$bot_url = rtrim((string)$this->config->get('module_order_bot_url'), '/');

		if (!$this->config->get('module_order_bot_status') || $bot_url === '') {
			return '';
		}

		$data['src'] = $bot_url . '/widget.js';
		$data['language'] = isset($this->session->data['language']) ? $this->session->data['language'] : $this->config->get('config_language');
		$data['currency'] = isset($this->session->data['currency']) ? $this->session->data['currency'] : $this->config->get('config_currency');
		$data['product_id'] = $this->productId();
		$data['position'] = $this->config->get('module_order_bot_position') == 'left' ? 'left' : 'right';
		$data['color'] = (string)$this->config->get('module_order_bot_color');
		$data['customer'] = $this->signedCustomer();

		return $this->load->view('extension/module/order_bot', $data);
	}

	private function productId() {
		if (isset($this->request->get['route']) && $this->request->get['route'] == 'product/product' && isset($this->request->get['product_id'])) {
			$product_id = (int)$this->request->get['product_id'];

			return $product_id > 0 ? (string)$product_id : '';
		}

		return '';
	}

	private function signedCustomer() {
		$secret = (string)$this->config->get('module_order_bot_secret');

		if ($secret === '' || !$this->customer->isLogged()) {
			return '';
		}

		require_once(DIR_SYSTEM . 'library/order_bot/identity.php');

		$payload = OrderBotIdentity::payload(
			$this->customer->getId(),
			$this->customer->getFirstName(),
			$this->customer->getLastName(),
			$this->customer->getEmail(),
			$this->customer->getTelephone(),
			time(),
			$secret
		);

		return $payload ? json_encode($payload, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) : '';
	}
}
