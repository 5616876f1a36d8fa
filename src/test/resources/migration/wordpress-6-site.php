<?php
// Builds a small news site with WordPress's own functions, then exports it with export_wp().
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Daily Example', 'editor', 'editor@news.example.com', true, '', 'not-a-real-password');
update_option('permalink_structure', '/%category%/%year%/%postname%/');
$world = wp_insert_term('World', 'category')['term_id'];
$p1 = wp_insert_post(['post_title' => 'Putin & Kim meet in Pyongyang', 'post_name' => 'putin-kim',
    'post_content' => 'The leaders met.', 'post_status' => 'publish', 'post_author' => 1,
    'post_category' => [$world], 'post_date' => '2024-06-19 10:00:00']);
$p2 = wp_insert_post(['post_title' => 'Новости недели', 'post_name' => 'новости-недели',
    'post_content' => 'Обзор.', 'post_status' => 'publish', 'post_author' => 1, 'post_date' => '2024-06-20 09:00:00']);
$p3 = wp_insert_post(['post_title' => 'About us', 'post_type' => 'page', 'post_name' => 'about',
    'post_content' => 'Who we are.', 'post_status' => 'publish', 'post_author' => 1]);
function c($post, $author, $email, $text, $approved, $date, $parent = 0, $type = 'comment', $url = '') {
    // wp_filter_comment() applies the filters a posted comment goes through (names escaped, kses).
    return wp_insert_comment(wp_filter_comment(['comment_post_ID' => $post, 'comment_author' => $author,
        'comment_author_email' => $email, 'comment_author_url' => $url, 'comment_content' => $text,
        'comment_approved' => $approved, 'comment_date' => $date, 'comment_date_gmt' => get_gmt_from_date($date),
        'comment_parent' => $parent, 'comment_type' => $type, 'comment_author_IP' => '203.0.113.7',
        'comment_agent' => 'Mozilla/5.0 (X11; Linux x86_64)', 'user_id' => 0]));
}
$a = c($p1, 'Ana', 'ana@example.com', "First paragraph.\n\nSecond paragraph with <a href=\"https://example.org/report?a=1&amp;b=2\" rel=\"nofollow\">a link</a> &amp; an ampersand.", '1', '2024-06-19 10:15:00', 0, 'comment', 'https://ana.example');
$b = c($p1, 'Ben "the reader" O\'Neil', ' Ben@Example.com ', "I <strong>disagree</strong>.<br />\nLine two.", '1', '2024-06-19 10:20:00', $a);
c($p1, 'Cleo', 'cleo@example.com', 'Reply to a reply <em>deep</em>', '1', '2024-06-19 10:25:00', $b);
c($p1, 'Dan', 'dan@example.com', 'Waiting for a moderator', '0', '2024-06-19 10:30:00');
c($p1, 'Spammer', 'spam@example.net', 'Cheap pills http://spam.example', 'spam', '2024-06-19 10:35:00');
$t = c($p1, 'Eve', 'eve@example.com', 'Binned comment', 'trash', '2024-06-19 10:40:00');
c($p1, 'Other blog', '', '[&#8230;] pinged you [&#8230;]', '1', '2024-06-19 11:00:00', 0, 'pingback', 'https://blog.example/post');
c($p1, 'Fay', 'fay@example.com', 'Reply to the binned one', '1', '2024-06-19 10:45:00', $t);
c($p2, 'Гоша', 'gosha@example.ru', 'Хорошая статья — спасибо!', '1', '2024-06-20 09:30:00');
c($p2, 'Ana', 'ana@example.com', "Quote: &lt;b&gt; is how you write <code>&lt;b&gt;</code>", '1', '2024-06-20 09:45:00');
c($p3, 'Hal', 'hal@example.com', 'A comment on a page', '1', '2024-06-21 08:00:00');
require_once ABSPATH . 'wp-admin/includes/export.php';
ob_start();
export_wp(['content' => 'all']);
file_put_contents('/tmp/wp/wordpress-6.xml', ob_get_clean());
