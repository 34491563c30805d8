raise 'error'
