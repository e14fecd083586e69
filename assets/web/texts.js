// Every word the page shows, in English and Simplified Chinese. The language is the link's ?lang= (en, zh-CN) or
// else the browser's first preferred language we have; anything missing in a language falls back to English.
// Placeholders are {name}; what fills them is plain text put in through textContent, never markup.

const EN = {
  'status.joining': 'Connecting to server…',
  'status.waiting': 'Waiting for someone to join…',
  'status.connecting': 'Connecting…',
  'status.connected': 'Connected',
  'status.peer-left': 'Peer left — waiting for someone to join…',
  'status.room-full': 'This room is full',
  'status.signaling-lost': 'Server unreachable — reconnecting…',
  'status.invalid-room': 'This link has no valid room code',
  'status.mediaPending': 'Waiting for camera and microphone…',
  'status.starting': 'Starting…',
  'note.lostInCall': 'Server unreachable — the call continues, reconnecting in the background…',
  'note.serverError': 'Server: {message}',
  'note.joined': '{name} joined',
  'note.left': '{name} left',
  'note.mediaServerLost': 'The media server is unreachable: pictures are paused, reconnecting…',
  'note.mediaServerBack': 'Back on the media server.',
  'hint.shareLink': 'Send this page’s link to the person you want to call.',

  'media.noApiSecure': 'This browser cannot use a camera or microphone here — you can still see and hear the other person.',
  'media.noApiInsecure': 'Camera and microphone only work over https or on this computer — you can still see and hear the other person.',
  'media.denied': 'Camera and microphone are blocked — the other person can’t see or hear you, but you can see and hear them.',
  'media.none': 'No camera or microphone found — the other person can’t see or hear you, but you can see and hear them.',
  'media.micBlocked': 'Microphone blocked — the other person can see you but not hear you.',
  'media.micMissing': 'Microphone not available — the other person can see you but not hear you.',
  'media.cameraBlocked': 'Camera blocked — the other person can hear you but not see you.',
  'media.cameraMissing': 'Camera not available — the other person can hear you but not see you.',

  'button.mute': 'Mute',
  'button.unmute': 'Unmute',
  'button.cameraOff': 'Camera off',
  'button.cameraOn': 'Camera on',
  'button.chat': 'Chat',
  'button.sound': 'Turn on sound',
  'button.copyLink': 'Copy link',
  'button.copied': 'Copied!',
  'button.copyFailed': 'Copy failed',
  'button.newRoom': 'Start a new room',
  'button.send': 'Send',
  'note.copyByHand': 'Share this link: {link}',

  'label.remoteVideo': 'The other person',
  'label.grid': 'The others in the room',
  'label.localVideo': 'Your camera',
  'label.room': 'Room',
  'label.verify': 'Verify',
  'label.chat': 'Chat',
  'label.closeChat': 'Close the chat',
  'label.message': 'Message',
  'remote.muted': 'Muted',
  'remote.cameraOff': 'The other person’s camera is off',
  'person.guest': 'Guest',
  'person.someone': 'Someone',

  'verify.explain': 'Read this code to the other person; their screen should show the same. If it matches, the call is encrypted end to end with nobody in between.',
  'verify.yours': 'Your certificate',
  'verify.theirs': 'Theirs',
  'verify.noHttps': 'This page is not on https, so it cannot compute the code.',

  'chat.placeholder': 'Type a message',
  'chat.placeholderClosed': 'Chat opens when someone is in the call',
  'chat.you': 'You',
  'chat.them': 'Them',
  'chat.cut': '(shortened to fit)',
  'chat.partnerLeft': 'The other person left the chat.',
  'chat.someoneLeft': '{name} left the chat.',
  'chat.noChat': 'The other side has no chat, so messages cannot be sent.',
  'chat.nobody': 'There is nobody to chat with yet.',
  'chat.notSent': 'The message could not be sent.',
  'chat.shortened': 'Your message was longer than {max} characters and was shortened.',

  'share.start': 'Share screen',
  'share.stop': 'Stop sharing',
  'share.youAre': 'You are sharing your screen',
  'share.presenting': '{name} is presenting',
  'share.otherPresenting': 'The other person is presenting',
  'share.stopped': '{name} stopped presenting',
  'share.otherStopped': 'The other person stopped presenting',
  'share.ended': 'Screen sharing stopped',
  'share.denied': 'Screen sharing was not allowed — nothing was shared.',
  'share.failed': 'Your screen could not be shared: {reason}',
  'share.unsupported': 'This browser cannot share a screen here.',
  'label.screen': 'Shared screen',
  'label.yourScreen': 'What you are sharing',
  'label.camera': 'Camera',
  'camera.numbered': 'Camera {n}',
  'camera.failed': 'The camera could not be switched: {reason}',
};

const ZH_CN = {
  'status.joining': '正在连接服务器…',
  'status.waiting': '正在等待有人加入…',
  'status.connecting': '正在连接…',
  'status.connected': '已连接',
  'status.peer-left': '对方已离开，正在等待有人加入…',
  'status.room-full': '此房间已满',
  'status.signaling-lost': '无法连接服务器，正在重新连接…',
  'status.invalid-room': '此链接没有有效的房间码',
  'status.mediaPending': '正在等待摄像头和麦克风…',
  'status.starting': '正在启动…',
  'note.lostInCall': '无法连接服务器，通话会继续，正在后台重新连接…',
  'note.serverError': '服务器：{message}',
  'note.joined': '{name} 加入了',
  'note.left': '{name} 离开了',
  'note.mediaServerLost': '无法连接媒体服务器：画面已暂停，正在重新连接…',
  'note.mediaServerBack': '已重新连接媒体服务器。',
  'hint.shareLink': '把这个页面的链接发给你想通话的人。',

  'media.noApiSecure': '此浏览器无法在这里使用摄像头或麦克风，但你仍然可以看到和听到对方。',
  'media.noApiInsecure': '摄像头和麦克风只能在 https 或本机上使用，但你仍然可以看到和听到对方。',
  'media.denied': '摄像头和麦克风已被禁止：对方看不到也听不到你，但你可以看到和听到对方。',
  'media.none': '未找到摄像头或麦克风：对方看不到也听不到你，但你可以看到和听到对方。',
  'media.micBlocked': '麦克风已被禁止：对方能看到你，但听不到你。',
  'media.micMissing': '麦克风不可用：对方能看到你，但听不到你。',
  'media.cameraBlocked': '摄像头已被禁止：对方能听到你，但看不到你。',
  'media.cameraMissing': '摄像头不可用：对方能听到你，但看不到你。',

  'button.mute': '静音',
  'button.unmute': '取消静音',
  'button.cameraOff': '关闭摄像头',
  'button.cameraOn': '打开摄像头',
  'button.chat': '聊天',
  'button.sound': '打开声音',
  'button.copyLink': '复制链接',
  'button.copied': '已复制',
  'button.copyFailed': '复制失败',
  'button.newRoom': '新建房间',
  'button.send': '发送',
  'note.copyByHand': '请分享这个链接：{link}',

  'label.remoteVideo': '对方',
  'label.grid': '房间里的其他人',
  'label.localVideo': '你的摄像头',
  'label.room': '房间',
  'label.verify': '验证',
  'label.chat': '聊天',
  'label.closeChat': '关闭聊天',
  'label.message': '消息',
  'remote.muted': '已静音',
  'remote.cameraOff': '对方的摄像头已关闭',
  'person.guest': '访客',
  'person.someone': '有人',

  'verify.explain': '把这个验证码念给对方听，对方屏幕上应显示相同的数字。如果一致，这次通话就是端到端加密的，中间没有其他人。',
  'verify.yours': '你的证书',
  'verify.theirs': '对方的证书',
  'verify.noHttps': '此页面不是通过 https 打开的，无法计算验证码。',

  'chat.placeholder': '输入消息',
  'chat.placeholderClosed': '有人加入通话后即可聊天',
  'chat.you': '你',
  'chat.them': '对方',
  'chat.cut': '（已截短）',
  'chat.partnerLeft': '对方已离开聊天。',
  'chat.someoneLeft': '{name} 已离开聊天。',
  'chat.noChat': '对方的页面不支持聊天，消息无法发送。',
  'chat.nobody': '还没有可以聊天的人。',
  'chat.notSent': '消息未能发送。',
  'chat.shortened': '你的消息超过 {max} 个字符，已被截短。',

  'share.start': '共享屏幕',
  'share.stop': '停止共享',
  'share.youAre': '你正在共享屏幕',
  'share.presenting': '{name} 正在共享屏幕',
  'share.otherPresenting': '对方正在共享屏幕',
  'share.stopped': '{name} 已停止共享屏幕',
  'share.otherStopped': '对方已停止共享屏幕',
  'share.ended': '屏幕共享已停止',
  'share.denied': '屏幕共享未被允许，没有共享任何内容。',
  'share.failed': '无法共享你的屏幕：{reason}',
  'share.unsupported': '此浏览器无法在这里共享屏幕。',
  'label.screen': '共享的屏幕',
  'label.yourScreen': '你正在共享的内容',
  'label.camera': '摄像头',
  'camera.numbered': '摄像头 {n}',
  'camera.failed': '无法切换摄像头：{reason}',
};

const LANGUAGES = Object.freeze({ en: EN, 'zh-CN': ZH_CN });

/** The language of a link's ?lang= or of the browser's preferences: 'zh-CN' for any Chinese, else 'en'. */
export function chooseLanguage(asked, preferred) {
  for (const tag of [asked, ...(preferred || [])]) {
    if (typeof tag !== 'string' || tag === '') continue;
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  }
  return 'en';
}

export const language = chooseLanguage(new URLSearchParams(location.search).get('lang'),
  navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language]);

/** The text for key in the page's language, with each {name} replaced by vars.name. */
export function t(key, vars = {}) {
  const template = LANGUAGES[language][key] ?? EN[key];
  if (template === undefined) throw new Error(`no text for ${key}`);
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Puts the page's language on the document's static words: data-text (textContent), data-label (aria-label). */
export function translateDocument(root) {
  document.documentElement.lang = language;
  for (const element of root.querySelectorAll('[data-text]')) element.textContent = t(element.dataset.text);
  for (const element of root.querySelectorAll('[data-label]')) element.setAttribute('aria-label', t(element.dataset.label));
  for (const element of root.querySelectorAll('[data-placeholder]')) element.placeholder = t(element.dataset.placeholder);
}

/** Both dictionaries' keys, for a check that no language lacks a text. */
export function missingTexts() {
  return Object.keys(EN).filter((key) => !(key in ZH_CN));
}
