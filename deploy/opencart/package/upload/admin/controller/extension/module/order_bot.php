<?php
/**
 * Extensions > Modules > Order bot: where the bot runs, whether the widget shows, the launcher's side and
 * colour, and the secret shared with the bot that signs a signed-in customer's identity.
 */
class ControllerExtensionModuleOrderBot extends Controller {
	private $error = array();

	private $defaults = array(
		'module_order_bot_status'   => 0,
		'module_order_bot_url'      => '',
		'module_order_bot_position' => 'right',
		'module_order_bot_color'    => '#1f6fa5',
		'module_order_bot_secret'   => ''
	);

	public function index() {
		$this->load->language('extension/module/order_bot');

		$this->document->setTitle($this->language->get('heading_title'));

		$this->load->model('setting/setting');

		if (($this->request->server['REQUEST_METHOD'] == 'POST') && $this->validate()) {
			$this->model_setting_setting->editSetting('module_order_bot', $this->submitted());

			$this->session->data['success'] = $this->language->get('text_success');

			$this->response->redirect($this->url->link('marketplace/extension', 'user_token=' . $this->session->data['user_token'] . '&type=module', true));
		}

		foreach (array('warning', 'url', 'color', 'secret') as $field) {
			$data['error_' . $field] = isset($this->error[$field]) ? $this->error[$field] : '';
		}

		$data['breadcrumbs'] = array();

		$data['breadcrumbs'][] = array(
			'text' => $this->language->get('text_home'),
			'href' => $this->url->link('common/dashboard', 'user_token=' . $this->session->data['user_token'], true)
		);

		$data['breadcrumbs'][] = array(
			'text' => $this->language->get('text_extension'),
			'href' => $this->url->link('marketplace/extension', 'user_token=' . $this->session->data['user_token'] . '&type=module', true)
		);

		$data['breadcrumbs'][] = array(
			'text' => $this->language->get('heading_title'),
			'href' => $this->url->link('extension/module/order_bot', 'user_token=' . $this->session->data['user_token'], true)
		);

		$data['action'] = $this->url->link('extension/module/order_bot', 'user_token=' . $this->session->data['user_token'], true);

		$data['cancel'] = $this->url->link('marketplace/extension', 'user_token=' . $this->session->data['user_token'] . '&type=module', true);

		$submitted = ($this->request->server['REQUEST_METHOD'] == 'POST') ? $this->submitted() : array();

		foreach ($this->defaults as $key => $default) {
			if (isset($submitted[$key])) {
				$data[$key] = $submitted[$key];
			} elseif ($this->config->has($key)) {
				$data[$key] = $this->config->get($key);
			} else {
				$data[$key] = $default;
			}
		}

		$data['header'] = $this->load->controller('common/header');
		$data['column_left'] = $this->load->controller('common/column_left');
		$data['footer'] = $this->load->controller('common/footer');

		$this->response->setOutput($this->load->view('extension/module/order_bot', $data));
	}

	public function install() {
		$this->load->model('setting/setting');

		$this->model_setting_setting->editSetting('module_order_bot', $this->defaults);

		// Order history changes are told to the bot at once (catalog/controller/extension/module/order_bot_events.php).
		$this->load->model('setting/event');

		$this->model_setting_event->deleteEventByCode('order_bot');
		$this->model_setting_event->addEvent('order_bot', 'catalog/model/checkout/order/addOrderHistory/after', 'extension/module/order_bot_events/history');
	}

	public function uninstall() {
		$this->load->model('setting/setting');

		$this->model_setting_setting->deleteSetting('module_order_bot');

		$this->load->model('setting/event');

		$this->model_setting_event->deleteEventByCode('order_bot');
	}

	// OpenCart HTML-escapes every posted value; the settings keep the text itself.
	private function submitted() {
		$settings = array();

		foreach ($this->defaults as $key => $default) {
			$value = isset($this->request->post[$key]) ? (string)$this->request->post[$key] : (string)$default;

			$settings[$key] = trim(html_entity_decode($value, ENT_QUOTES, 'UTF-8'));
		}

		$settings['module_order_bot_status'] = $settings['module_order_bot_status'] ? 1 : 0;
		$settings['module_order_bot_url'] = rtrim($settings['module_order_bot_url'], '/');
		$settings['module_order_bot_position'] = $settings['module_order_bot_position'] == 'left' ? 'left' : 'right';

		return $settings;
	}

	protected function validate() {
		if (!$this->user->hasPermission('modify', 'extension/module/order_bot')) {
			$this->error['warning'] = $this->language->get('error_permission');
		}

		$settings = $this->submitted();

		$url = $settings['module_order_bot_url'];

		if ($url !== '' && (strlen($url) > 255 || !filter_var($url, FILTER_VALIDATE_URL) || !preg_match('~^https?://[^/?#]+(/[^?#]*)?$~i', $url))) {
			$this->error['url'] = $this->language->get('error_url');
		}

		if ($settings['module_order_bot_status'] && $url === '') {
			$this->error['url'] = $this->language->get('error_url');
		}

		if (!preg_match('/^#[0-9a-fA-F]{6}$/', $settings['module_order_bot_color'])) {
			$this->error['color'] = $this->language->get('error_color');
		}

		$secret = $settings['module_order_bot_secret'];

		if ($secret !== '' && !preg_match('/^[A-Za-z0-9_~.+\/=-]{32,256}$/', $secret)) {
			$this->error['secret'] = $this->language->get('error_secret');
		}

		return !$this->error;
	}
}
