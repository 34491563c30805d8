s = 'héllo' +
